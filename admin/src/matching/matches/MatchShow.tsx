import type { TMatch } from '@guanai/api/types';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, Divider, Link as MuiLink, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import {
  Button,
  DateField,
  FunctionField,
  Labeled,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { API_URL } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { MatchStatusChip } from '../chips.tsx';
import { yuan } from '../choices.ts';
import type { Delivery } from '../types.ts';
import { DeliveryButton } from './DeliveryForm.tsx';
import { AcceptDeclineButtons, CancelMatchButton, mayCancel } from './MatchDecision.tsx';
import { matchQuantity, needText } from './quantity.ts';
import { MatchVolunteerAssign } from '../../volunteers/index.tsx';

/** Staff's actions (withdraw, open the case); a partner's decisions sit in the page, under the person. */
function Actions() {
  const match = useRecordContext<TMatch>();
  const can = useCan();
  if (!match || (!match.caseId && !mayCancel(match, can))) return null;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <CancelMatchButton match={match} />
      {match?.caseId && (
        <Button component={Link} to={`/cases/${match.caseId}/show`} label="guanai.matching.portal.openCase">
          <OpenInNewIcon />
        </Button>
      )}
    </TopToolbar>
  );
}

function measure(d: Delivery, translate: (key: string) => string) {
  if (d.kind === 'MONEY' && d.amount !== null) return yuan(d.amount);
  if (d.kind === 'SERVICE' && d.hours !== null) return `${d.hours} ${translate('guanai.matching.portal.hoursUnit')}`;
  return d.quantity !== null ? String(d.quantity) : '';
}

/** The delivery ledger. Staff (who see the case) may open the evidence; a partner sees how many it gave. */
function Deliveries() {
  const match = useRecordContext<TMatch>();
  const translate = useTranslate();
  if (!match) return null;
  return (
    <Stack spacing={1}>
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}
        useFlexGap
      >
        <Typography variant="subtitle1">{translate('guanai.matching.portal.deliveries')}</Typography>
        <DeliveryButton />
      </Stack>
      {match.deliveries.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('guanai.matching.portal.noDeliveries')}
        </Typography>
      ) : (
        <List dense disablePadding aria-label={translate('guanai.matching.portal.deliveries')}>
          {match.deliveries.map((d) => (
            <ListItem key={d.id} divider disableGutters>
              <ListItemText
                primary={[translate(`guanai.matching.deliveryKinds.${d.kind}`), d.description, measure(d, translate)]
                  .filter(Boolean)
                  .join(' · ')}
                secondary={
                  <>
                    {d.deliveredOn}
                    {d.evidence.length > 0 && ' · '}
                    {d.evidence.length > 0 &&
                      (match.caseId
                        ? d.evidence.map((id, i) => (
                            <MuiLink
                              key={id}
                              href={`${API_URL}/attachments/${id}/content`}
                              target="_blank"
                              rel="noopener"
                              sx={{ mr: 1 }}
                            >
                              {translate('guanai.matching.portal.evidenceN', { n: i + 1 })}
                            </MuiLink>
                          ))
                        : translate('guanai.matching.portal.evidenceCount', { smart_count: d.evidence.length }))}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </Stack>
  );
}

function MatchDetail() {
  const match = useRecordContext<TMatch>();
  const translate = useTranslate();
  if (!match) return null;
  // A partner sees the person only once it has accepted (the API masks the name and sends no phone or address).
  const masked = !match.caseId && match.status !== 'ACCEPTED';
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h6">{needText(match, translate)}</Typography>
        <MatchStatusChip match={match} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.matches.fields.caseNo">
          <TextField source="caseNo" />
        </Labeled>
        <Labeled label="resources.matches.fields.townshipName">
          <TextField source="townshipName" emptyText="—" />
        </Labeled>
        <Labeled label="resources.matches.fields.communityName">
          <TextField source="communityName" />
        </Labeled>
        <Labeled label="resources.matches.fields.resourceName">
          <FunctionField<TMatch> source="resourceName" render={(m) => `${m.resourceName} · ${m.providerName}`} />
        </Labeled>
        <Labeled label="resources.matches.fields.quantity">
          <FunctionField<TMatch> source="places" render={(m) => matchQuantity(m, translate)} />
        </Labeled>
        <Labeled label="resources.matches.fields.createdAt">
          <DateField source="createdAt" showTime />
        </Labeled>
      </Stack>
      {match.note && (
        <Labeled label="resources.matches.fields.note">
          <TextField source="note" />
        </Labeled>
      )}
      <Divider />
      <Typography variant="subtitle1">{translate('guanai.matching.portal.person')}</Typography>
      {masked && <Alert severity="info">{translate('guanai.matching.portal.maskedHint')}</Alert>}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.matches.fields.person.name">
          <TextField source="person.name" />
        </Labeled>
        {!masked && (
          <Labeled label="resources.matches.fields.person.phone">
            <FunctionField<TMatch>
              source="person.phone"
              render={(m) =>
                m.person.phone ? <MuiLink href={`tel:${m.person.phone}`}>{m.person.phone}</MuiLink> : '—'
              }
            />
          </Labeled>
        )}
        {!masked && (
          <Labeled label="resources.matches.fields.person.address">
            <TextField source="person.address" emptyText="—" />
          </Labeled>
        )}
      </Stack>
      <AcceptDeclineButtons />
      <MatchVolunteerAssign />
      <Divider />
      <Deliveries />
    </Stack>
  );
}

function MatchTitle() {
  const match = useRecordContext<TMatch>();
  return <span>{match ? match.resourceName : ''}</span>;
}

export function MatchShow() {
  return (
    <Show title={<MatchTitle />} actions={<Actions />}>
      <MatchDetail />
    </Show>
  );
}
