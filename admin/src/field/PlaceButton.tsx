import MyLocationIcon from '@mui/icons-material/MyLocation';
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { Place } from './db.ts';

type Asking = 'idle' | 'locating' | 'denied' | 'unavailable';

/** The place, only when the worker asks for it and allows the phone to say (never in the background). */
export function PlaceButton({
  place,
  onChange,
}: {
  place: Place | undefined;
  onChange: (place: Place | undefined) => void;
}) {
  const translate = useTranslate();
  const [asking, setAsking] = useState<Asking>('idle');
  const locate = () => {
    if (!('geolocation' in navigator)) return setAsking('unavailable');
    setAsking('locating');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setAsking('idle');
        onChange({
          lat: Number(coords.latitude.toFixed(6)),
          lng: Number(coords.longitude.toFixed(6)),
          accuracyM: Math.round(coords.accuracy),
        });
      },
      (error) => setAsking(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  if (place)
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" data-testid="place">
          {translate('guanai.field.place.got', {
            lat: place.lat.toFixed(4),
            lng: place.lng.toFixed(4),
            accuracy: place.accuracyM ?? '?',
          })}
        </Typography>
        <Button size="small" onClick={() => onChange(undefined)}>
          {translate('guanai.field.place.clear')}
        </Button>
      </Stack>
    );
  return (
    <Stack spacing={0.5}>
      <Button
        variant="outlined"
        startIcon={<MyLocationIcon />}
        onClick={locate}
        disabled={asking === 'locating'}
        sx={{ minHeight: 44, alignSelf: 'flex-start' }}
      >
        {translate(asking === 'locating' ? 'guanai.field.place.locating' : 'guanai.field.place.add')}
      </Button>
      {(asking === 'denied' || asking === 'unavailable') && (
        <Typography variant="body2" color="text.secondary">
          {translate(`guanai.field.place.${asking}`)}
        </Typography>
      )}
    </Stack>
  );
}
