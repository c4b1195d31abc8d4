import type { THomeFigure } from '@guanai/api/types';
import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { linkTo } from './links.ts';

/** One number of a home page, and the list behind it: the whole card is the link. */
export function FigureCard({
  label,
  figure,
  hint,
  tone,
  onOpen,
}: {
  label: string;
  figure: THomeFigure;
  hint?: ReactNode;
  /** Red when something is late, orange for urgent work, when the number is not zero. */
  tone?: 'error' | 'warning';
  onOpen?: () => void;
}) {
  const color = tone && figure.value > 0 ? `${tone}.main` : 'text.primary';
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardActionArea
        component={Link}
        to={linkTo(figure.link)}
        onClick={onOpen}
        aria-label={`${label} ${figure.value}`}
        sx={{ height: '100%' }}
      >
        <CardContent sx={{ p: { xs: 1.5, sm: 2 } }}>
          <Typography variant="body2" color="text.secondary" sx={{ minHeight: '2.5em' }}>
            {label}
          </Typography>
          <Typography variant="h4" component="p" sx={{ color, fontWeight: 600 }}>
            {figure.value.toLocaleString('zh-CN')}
          </Typography>
          {hint && (
            <Typography variant="caption" color="text.secondary">
              {hint}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/** Figure cards in a grid: two a row on a phone, four on a desktop. */
export function FigureGrid({ children }: { children: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gap: { xs: 1, sm: 2 },
        gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' },
      }}
    >
      {children}
    </Box>
  );
}

/** A titled section of a home page. */
export function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1, mb: 1 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {action}
      </Box>
      {children}
    </Box>
  );
}
