import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, IconButton, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslate } from 'react-admin';
import type { Photo } from './db.ts';
import { shrinkPhoto } from './photos.ts';

/** A thumbnail of a photo kept on the phone (an object URL, released when it goes). */
function Thumb({ photo, onRemove }: { photo: Photo; onRemove: () => void }) {
  const translate = useTranslate();
  const url = useMemo(() => URL.createObjectURL(photo.blob), [photo.blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Box sx={{ position: 'relative', width: 88, height: 88 }}>
      <Box
        component="img"
        src={url}
        alt={photo.name}
        sx={{ width: 88, height: 88, objectFit: 'cover', borderRadius: 1 }}
      />
      <IconButton
        size="small"
        aria-label={translate('guanai.field.photos.remove')}
        onClick={onRemove}
        sx={{ position: 'absolute', top: 2, right: 2, bgcolor: 'rgba(255,255,255,0.85)' }}
      >
        <CloseIcon fontSize="small" />
      </IconButton>
    </Box>
  );
}

/** Photos from the phone's camera (or its gallery), shrunk and kept with the record until it is sent. */
export function PhotoInput({
  photos,
  onChange,
  max = 6,
}: {
  photos: Photo[];
  onChange: (photos: Photo[]) => void;
  max?: number;
}) {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const add = async (files: FileList | null) => {
    if (!files) return;
    const shrunk = await Promise.all([...files].slice(0, max - photos.length).map((file) => shrinkPhoto(file)));
    onChange([...photos, ...shrunk]);
    if (input.current) input.current.value = '';
  };
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
        {photos.map((photo, i) => (
          <Thumb key={`${i}-${photo.name}`} photo={photo} onRemove={() => onChange(photos.filter((_, j) => j !== i))} />
        ))}
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button
          variant="outlined"
          startIcon={<PhotoCameraIcon />}
          disabled={photos.length >= max}
          onClick={() => input.current?.click()}
          sx={{ minHeight: 44 }}
        >
          {translate('guanai.field.photos.add')}
        </Button>
        {photos.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('guanai.field.photos.count', { smart_count: photos.length })}
          </Typography>
        )}
      </Stack>
      <input
        ref={input}
        data-testid="photo-input"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        onChange={(event) => void add(event.target.files)}
      />
    </Stack>
  );
}
