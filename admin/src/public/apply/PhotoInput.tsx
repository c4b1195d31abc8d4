import AddAPhotoIcon from '@mui/icons-material/AddAPhoto';
import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, CircularProgress, FormHelperText, IconButton, Typography } from '@mui/material';
import { useId, useRef, useState } from 'react';
import { useLang } from '../i18n.tsx';
import { MAX_PHOTOS, PhotoError, preparePhoto, type Photo } from './photos.ts';

/**
 * Up to three photos of documents, from the phone's camera (`capture="environment"`) or its gallery: each shown as a
 * thumbnail with a button that removes it, each made small enough to send (photos.ts) as soon as it is picked.
 */
export function PhotoInput({
  photos,
  onChange,
  error,
  disabled,
}: {
  photos: Photo[];
  onChange: (photos: Photo[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { t } = useLang();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [preparing, setPreparing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const add = async (files: FileList | null) => {
    const picked = [...(files ?? [])].slice(0, MAX_PHOTOS - photos.length);
    if (input.current) input.current.value = ''; // the same photo may be picked again after removing it
    if (picked.length === 0) return;
    setPreparing(true);
    setProblem(null);
    const ready: Photo[] = [];
    for (const file of picked) {
      try {
        ready.push(await preparePhoto(file));
      } catch (failure) {
        setProblem(
          t(
            failure instanceof PhotoError && failure.reason === 'tooBig'
              ? 'apply.photoTooBig'
              : 'apply.photoUnreadable',
          ),
        );
      }
    }
    setPreparing(false);
    onChange([...photos, ...ready]);
  };
  const message = problem ?? error;
  return (
    <Box role="group" aria-labelledby={`${id}-label`}>
      <Typography id={`${id}-label`} sx={{ fontWeight: 500, mb: 0.5 }}>
        {t('apply.photos')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('apply.photosHelp')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>
        {photos.map((photo, i) => (
          <Box
            key={`${i}-${photo.filename}`}
            sx={{ position: 'relative', width: 96, height: 96, borderRadius: 1, overflow: 'hidden', boxShadow: 1 }}
          >
            <Box
              component="img"
              src={`data:${photo.contentType};base64,${photo.data}`}
              alt={t('apply.photo', { n: i + 1 })}
              sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
            />
            <IconButton
              size="small"
              aria-label={t('apply.removePhoto', { n: i + 1 })}
              disabled={disabled}
              onClick={() => onChange(photos.filter((_, j) => j !== i))}
              sx={{
                position: 'absolute',
                top: 2,
                right: 2,
                bgcolor: 'rgba(0,0,0,0.55)',
                color: '#fff',
                '&:hover': { bgcolor: 'rgba(0,0,0,0.75)' },
              }}
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          </Box>
        ))}
        {preparing && (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <CircularProgress size={20} />
            <Typography variant="body2">{t('apply.preparing')}</Typography>
          </Box>
        )}
        {photos.length < MAX_PHOTOS && !preparing && (
          <Button
            component="label"
            variant="outlined"
            startIcon={<AddAPhotoIcon />}
            disabled={disabled}
            sx={{ height: 48 }}
          >
            {t('apply.addPhoto')}
            <input
              ref={input}
              type="file"
              accept="image/*"
              capture="environment"
              hidden
              name="documents"
              onChange={(e) => void add(e.target.files)}
            />
          </Button>
        )}
      </Box>
      {message && <FormHelperText error>{message}</FormHelperText>}
    </Box>
  );
}
