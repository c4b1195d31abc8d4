import type { TPublicCommunity } from '@guanai/api/types';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import CloseIcon from '@mui/icons-material/Close';
import SearchIcon from '@mui/icons-material/Search';
import {
  Box,
  Dialog,
  DialogContent,
  DialogTitle,
  IconButton,
  InputAdornment,
  List,
  ListItemButton,
  ListItemText,
  TextField,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import { useState } from 'react';
import { useLang } from '../i18n.tsx';

interface Unit {
  id: string;
  name: string;
}

/** Each unit once, in the order the list first names it (the API's order: by division code). */
function distinct(units: Unit[]): Unit[] {
  const seen = new Map<string, Unit>();
  for (const unit of units) if (!seen.has(unit.id)) seen.set(unit.id, unit);
  return [...seen.values()];
}

/** The place as people say it, smallest first: 水井坊社区 · 锦官驿街道 · 锦江区. */
export const placeOf = (c: TPublicCommunity) => `${c.name} · ${c.township.name} · ${c.district.name}`;

/** Up to this many search results: a phone's screen, scrolled a few times. */
const RESULTS = 80;

function Choices({
  communities,
  onPick,
}: {
  communities: TPublicCommunity[];
  onPick: (community: TPublicCommunity) => void;
}) {
  const { t } = useLang();
  const [query, setQuery] = useState('');
  const [district, setDistrict] = useState<Unit | null>(null);
  const [township, setTownship] = useState<Unit | null>(null);
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const found = communities
    .filter((c) => {
      const text = `${c.name} ${c.township.name} ${c.district.name}`.toLowerCase();
      return words.length > 0 && words.every((word) => text.includes(word));
    })
    .slice(0, RESULTS);
  const back = () => (township ? setTownship(null) : setDistrict(null));
  const row = (key: string, primary: string, onClick: () => void, secondary?: string, more = false) => (
    <ListItemButton key={key} onClick={onClick} divider sx={{ minHeight: 52 }}>
      <ListItemText primary={primary} secondary={secondary} slotProps={{ primary: { sx: { fontSize: 17 } } }} />
      {more && <ChevronRightIcon color="action" />}
    </ListItemButton>
  );
  let rows;
  if (words.length > 0)
    rows = found.map((c) => row(c.id, c.name, () => onPick(c), `${c.township.name} · ${c.district.name}`));
  else if (!district)
    rows = distinct(communities.map((c) => c.district)).map((d) =>
      row(d.id, d.name, () => setDistrict(d), undefined, true),
    );
  else if (!township)
    rows = distinct(communities.filter((c) => c.district.id === district.id).map((c) => c.township)).map((w) =>
      row(w.id, w.name, () => setTownship(w), undefined, true),
    );
  else rows = communities.filter((c) => c.township.id === township.id).map((c) => row(c.id, c.name, () => onPick(c)));
  return (
    <>
      <TextField
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('picker.search')}
        fullWidth
        size="small"
        slotProps={{
          htmlInput: { 'aria-label': t('picker.search'), enterKeyHint: 'search' },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon />
              </InputAdornment>
            ),
          },
        }}
        sx={{ mb: 1 }}
      />
      {words.length === 0 && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minHeight: 40 }}>
          {district && (
            <IconButton onClick={back} aria-label={t('picker.back')} edge="start">
              <ArrowBackIcon />
            </IconButton>
          )}
          <Typography color="text.secondary">
            {[district?.name ?? t('picker.all'), township?.name].filter(Boolean).join(' › ')}
          </Typography>
        </Box>
      )}
      {rows.length === 0 ? (
        <Typography sx={{ py: 2 }} color="text.secondary">
          {t('picker.none')}
        </Typography>
      ) : (
        <List disablePadding aria-label={t('picker.title')}>
          {rows}
        </List>
      )}
    </>
  );
}

/**
 * 所在村(社区): the field shows the community picked; tapping it opens the tree — district, township, community, a
 * tap each — with a search over all three names. Full screen on a phone, so the keyboard never hides the list.
 */
export function CommunityPicker({
  communities,
  value,
  onChange,
  label,
  helperText,
  error,
  disabled,
}: {
  communities: TPublicCommunity[] | undefined;
  value: string | null;
  onChange: (id: string) => void;
  label: string;
  helperText: string;
  error?: string;
  disabled?: boolean;
}) {
  const { t } = useLang();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  const picked = communities?.find((c) => c.id === value);
  const show = () => !disabled && communities && setOpen(true);
  return (
    <>
      <TextField
        label={label}
        value={picked ? placeOf(picked) : ''}
        placeholder={t('picker.choose')}
        required
        fullWidth
        error={!!error}
        helperText={error ?? helperText}
        disabled={disabled}
        onClick={show}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            show();
          }
        }}
        slotProps={{
          inputLabel: { shrink: true },
          htmlInput: { readOnly: true, 'aria-haspopup': 'dialog', name: 'communityId', style: { cursor: 'pointer' } },
          input: { endAdornment: <ChevronRightIcon color="action" /> },
        }}
      />
      <Dialog open={open} onClose={() => setOpen(false)} fullScreen={phone} fullWidth maxWidth="sm">
        <DialogTitle sx={{ display: 'flex', alignItems: 'center', pr: 1 }}>
          <Box component="span" sx={{ flex: 1 }}>
            {t('picker.title')}
          </Box>
          <IconButton onClick={() => setOpen(false)} aria-label={t('picker.close')}>
            <CloseIcon />
          </IconButton>
        </DialogTitle>
        <DialogContent dividers sx={{ px: { xs: 1.5, sm: 3 }, minHeight: { sm: 420 } }}>
          {communities && (
            <Choices
              communities={communities}
              onPick={(c) => {
                onChange(c.id);
                setOpen(false);
              }}
            />
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
