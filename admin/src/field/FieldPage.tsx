import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Box, IconButton, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

/** A field screen: phone-first, one column, its title with the way back to the field home. */
export function FieldPage({
  title,
  back = '/field',
  children,
}: {
  title: string;
  back?: string | null;
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Box sx={{ maxWidth: 640, mx: 'auto', p: { xs: 1.5, sm: 2 } }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
        {back && (
          <IconButton component={Link} to={back} aria-label={translate('ra.action.back')} edge="start">
            <ArrowBackIcon />
          </IconButton>
        )}
        <Typography variant="h6" component="h1">
          {translate(title)}
        </Typography>
      </Stack>
      <Stack spacing={2}>{children}</Stack>
    </Box>
  );
}
