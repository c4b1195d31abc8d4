import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import SendIcon from '@mui/icons-material/Send';
import {
  Box,
  Button,
  Card,
  Chip,
  List,
  ListItem,
  ListItemText,
  Menu,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useDataProvider, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { TestSendDialog } from './TestSendDialog.tsx';
import { CHANNEL_KINDS, type Channel } from './types.ts';

/** The channels, as the list and the edit form read them (one request; the API has no GET by id). */
export function useChannels() {
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  return useQuery({
    queryKey: ['notify', 'channels'],
    queryFn: async () => (await dataProvider.getNotifyChannels()).data,
  });
}

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

function AddMenu() {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button startIcon={<AddIcon />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        {translate('ra.action.create')}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {CHANNEL_KINDS.map((kind) => (
          <MenuItem key={kind} component={Link} to={`/notify/channels/create/${kind}`}>
            {translate('guanai.notify.channels.add', { kind: translate(`guanai.notify.channelKinds.${kind}`) })}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

function ChannelButtons({ channel, onTest }: { channel: Channel; onTest: (channel: Channel) => void }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      <Button size="small" startIcon={<EditIcon />} component={Link} to={`/notify/channels/${channel.id}`}>
        {translate('ra.action.edit')}
      </Button>
      <Button size="small" startIcon={<SendIcon />} onClick={() => onTest(channel)}>
        {translate('guanai.notify.test.button')}
      </Button>
    </Stack>
  );
}

/** 通知渠道 (admins): the mail server, the robots of the units' groups and the SMS gateway, each with a test. */
export function ChannelList() {
  const translate = useTranslate();
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const { data: channels, isPending } = useChannels();
  const [testing, setTesting] = useState<Channel | null>(null);
  const kind = (c: Channel) => translate(`guanai.notify.channelKinds.${c.kind}`);
  const enabled = (c: Channel) => (
    <Chip
      size="small"
      color={c.enabled ? 'success' : 'default'}
      label={translate(c.enabled ? 'guanai.notify.channels.enabled' : 'guanai.notify.channels.disabled')}
    />
  );
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('guanai.notify.channels.title')} />
      <Stack direction="row" sx={{ justifyContent: 'flex-end', mb: 1 }}>
        <AddMenu />
      </Stack>
      <Card>
        {isPending ? (
          <Loading />
        ) : !channels?.length ? (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {translate('guanai.notify.channels.empty')}
          </Typography>
        ) : isSmall ? (
          <List>
            {channels.map((c) => (
              <ListItem key={c.id} divider sx={{ flexDirection: 'column', alignItems: 'stretch' }}>
                <ListItemText
                  primary={
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <span>{c.name}</span>
                      {enabled(c)}
                    </Stack>
                  }
                  secondary={[kind(c), c.unitName, when(c.updatedAt)].filter(Boolean).join(' · ')}
                />
                <ChannelButtons channel={c} onTest={setTesting} />
              </ListItem>
            ))}
          </List>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('guanai.notify.channels.kind')}</TableCell>
                <TableCell>{translate('guanai.notify.channels.name')}</TableCell>
                <TableCell>{translate('guanai.notify.channels.unit')}</TableCell>
                <TableCell>{translate('guanai.notify.channels.enabled')}</TableCell>
                <TableCell>{translate('guanai.notify.channels.updatedAt')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {channels.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{kind(c)}</TableCell>
                  <TableCell>{c.name}</TableCell>
                  <TableCell>{c.unitName ?? '—'}</TableCell>
                  <TableCell>{enabled(c)}</TableCell>
                  <TableCell>{when(c.updatedAt)}</TableCell>
                  <TableCell align="right">
                    <ChannelButtons channel={c} onTest={setTesting} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <TestSendDialog channel={testing} onClose={() => setTesting(null)} />
    </Box>
  );
}
