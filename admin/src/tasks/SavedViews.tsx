import type { TSavedView } from '@guanai/api/types';
import BookmarksIcon from '@mui/icons-material/Bookmarks';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  TextField,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useNotify, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { idempotencyKey } from '../providers/api.ts';
import { useNotifyProblem } from './useTaskActions.ts';
import { apiFilter } from './inbox-tabs.ts';

const VIEWS_KEY = ['saved-views'];

/** 保存当前视图: names the list's filter and sort and saves them for me. */
function SaveViewDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { filterValues, sort } = useListContext();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const queryClient = useQueryClient();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  // One key per dialog: a retried click saves the view once.
  const [key, setKey] = useState(idempotencyKey);
  const save = async () => {
    setBusy(true);
    try {
      await dataProvider.saveView(
        {
          name,
          filter: apiFilter(filterValues),
          sort: [sort.field as 'dueAt', sort.order === 'DESC' ? 'DESC' : 'ASC'],
        },
        key,
      );
      setKey(idempotencyKey());
      await queryClient.invalidateQueries({ queryKey: VIEWS_KEY });
      notify('guanai.inbox.views.saved', { type: 'success' });
      setName('');
      onClose();
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate('guanai.inbox.views.title')}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          margin="dense"
          label={translate('guanai.inbox.views.name')}
          value={name}
          slotProps={{ htmlInput: { maxLength: 60 } }}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && name.trim() && void save()}
        />
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('guanai.inbox.views.cancel')}</MuiButton>
        <MuiButton variant="contained" disabled={busy || !name.trim()} onClick={() => void save()}>
          {translate('guanai.inbox.views.confirm')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}

/**
 * 我的视图: my saved filters — pick one to apply its filter and sort, delete one, or save the current
 * filters under a name. Only my own views are listed (the API keeps them per user).
 */
export function SavedViews() {
  const { setFilters, setSort } = useListContext();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const queryClient = useQueryClient();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [saving, setSaving] = useState(false);
  const { data: views = [] } = useQuery({
    queryKey: VIEWS_KEY,
    queryFn: async () => (await dataProvider.getSavedViews()).data,
  });
  const apply = (view: TSavedView) => {
    setAnchor(null);
    setSort({ field: view.sort[0], order: view.sort[1] });
    setFilters(view.filter, {});
  };
  const remove = async (view: TSavedView) => {
    try {
      await dataProvider.deleteSavedView(view.id);
      await queryClient.invalidateQueries({ queryKey: VIEWS_KEY });
      notify('guanai.inbox.views.deleted', { type: 'info' });
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <>
      <Button label="guanai.inbox.views.button" onClick={(event) => setAnchor(event.currentTarget)}>
        <BookmarksIcon />
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {views.length === 0 && <MenuItem disabled>{translate('guanai.inbox.views.none')}</MenuItem>}
        {views.map((view) => (
          <MenuItem key={view.id} onClick={() => apply(view)} sx={{ gap: 1 }}>
            <ListItemText primary={view.name} />
            <IconButton
              size="small"
              edge="end"
              aria-label={translate('guanai.inbox.views.delete', { name: view.name })}
              onClick={(event) => {
                event.stopPropagation();
                void remove(view);
              }}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setSaving(true);
          }}
        >
          {translate('guanai.inbox.views.save')}
        </MenuItem>
      </Menu>
      <SaveViewDialog open={saving} onClose={() => setSaving(false)} />
    </>
  );
}
