import {
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  Switch,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { DISCOVERER_KINDS, HUKOU, VULNERABILITY_TAGS } from '@guanai/workflows/vocabulary';
import { useState, type FormEvent } from 'react';
import { useNotify, useRedirect, useTranslate } from 'react-admin';
import type { Photo, Place, ReportBody } from './db.ts';
import { FieldPage } from './FieldPage.tsx';
import { useUnit } from './FieldSync.tsx';
import { useFieldDb, useLive } from './hooks.ts';
import { recordReport } from './outbox.ts';
import { PhotoInput } from './PhotoInput.tsx';
import { PlaceButton } from './PlaceButton.tsx';

type Errors = Partial<Record<'name' | 'situation' | 'phone', string>>;

/** A mainland mobile or a landline, as the registry takes a phone (checked again by the API). */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/**
 * 外展快报 (a discoverer's outreach report) or 登记个人申请 (a self-application at the station, §四(一)):
 * recorded on the phone with its photos and place, and sent by the outbox — now, or when the
 * network returns. The API checks everything again; what it refuses comes back to the outbox.
 */
export function ReportForm({ application = false }: { application?: boolean }) {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const db = useFieldDb();
  const unit = useUnit();
  const communities = useLive(
    db,
    async (d) => ((await d.refdata.get('communities'))?.value ?? []) as { id: string; name: string }[],
    [],
  );
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [hukou, setHukou] = useState<(typeof HUKOU)[number]>('CHENGDU');
  const [situation, setSituation] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [discovererKind, setDiscovererKind] = useState<(typeof DISCOVERER_KINDS)[number]>('GRID_WORKER');
  const [emergency, setEmergency] = useState(false);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [place, setPlace] = useState<Place | undefined>();
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const check = (): Errors => ({
    ...(name.trim() ? {} : { name: translate('ra.validation.required') }),
    ...(situation.trim() ? {} : { situation: translate('ra.validation.required') }),
    ...(phone.trim() && !PHONE.test(phone.trim()) ? { phone: translate('guanai.field.report.phoneInvalid') } : {}),
  });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0 || !db) return;
    setSaving(true);
    const person = {
      name: name.trim(),
      hukou,
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(address.trim() ? { address: address.trim() } : {}),
      ...(idNumber.trim() ? { idNumber: idNumber.trim().toUpperCase() } : {}),
      ...(tags.length ? { tags } : {}),
    } as NonNullable<ReportBody['person']>;
    await recordReport(db, {
      report: {
        person,
        situation: situation.trim(),
        emergency,
        ...(application ? {} : { discovererKind }),
      },
      siteNote: translate('guanai.field.report.siteNote', { seen: situation.trim() }),
      photos,
      ...(place ? { place } : {}),
    });
    setSaving(false);
    notify('guanai.field.report.saved', { type: 'success' });
    redirect('/field');
  };

  return (
    <FieldPage title={application ? 'guanai.field.report.applicationTitle' : 'guanai.field.report.title'}>
      <Stack component="form" spacing={2} onSubmit={(event) => void save(event)} noValidate>
        {communities.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('guanai.field.report.community')}：
            {communities.find((c) => c.id === unit?.id)?.name ?? unit?.name}
          </Typography>
        )}
        <TextField
          label={translate('guanai.field.report.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          error={!!errors.name}
          helperText={errors.name}
          slotProps={{ htmlInput: { 'data-testid': 'report-name', maxLength: 50 } }}
        />
        <TextField
          label={translate('guanai.field.report.phone')}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          type="tel"
          error={!!errors.phone}
          helperText={errors.phone}
          slotProps={{ htmlInput: { 'data-testid': 'report-phone', inputMode: 'tel' } }}
        />
        <TextField
          label={translate('guanai.field.report.address')}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'report-address' } }}
        />
        {application && (
          <TextField
            label={translate('guanai.field.report.idNumber')}
            value={idNumber}
            onChange={(e) => setIdNumber(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'report-id-number' } }}
          />
        )}
        <ToggleButtonGroup exclusive value={hukou} onChange={(_, value) => value && setHukou(value)} size="small">
          {HUKOU.map((value) => (
            <ToggleButton key={value} value={value} sx={{ minHeight: 44 }}>
              {translate(`guanai.hukou.${value}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <TextField
          label={translate(application ? 'guanai.field.report.situation' : 'guanai.field.report.seen')}
          placeholder={application ? undefined : translate('guanai.field.report.seenHint')}
          value={situation}
          onChange={(e) => setSituation(e.target.value)}
          required
          multiline
          minRows={3}
          error={!!errors.situation}
          helperText={errors.situation}
          slotProps={{ htmlInput: { 'data-testid': 'report-situation', maxLength: 4000 } }}
        />
        <FormControl>
          <Typography variant="body2" color="text.secondary">
            {translate('guanai.field.report.tags')}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap' }}>
            {VULNERABILITY_TAGS.map((tag) => (
              <FormControlLabel
                key={tag}
                control={
                  <Checkbox
                    checked={tags.includes(tag)}
                    onChange={(e) => setTags(e.target.checked ? [...tags, tag] : tags.filter((t) => t !== tag))}
                  />
                }
                label={translate(`guanai.tags.${tag}`)}
              />
            ))}
          </Stack>
        </FormControl>
        {!application && (
          <FormControl>
            <InputLabel id="discoverer-kind">{translate('guanai.field.report.discovererKind')}</InputLabel>
            <Select
              labelId="discoverer-kind"
              label={translate('guanai.field.report.discovererKind')}
              value={discovererKind}
              onChange={(e) => setDiscovererKind(e.target.value as (typeof DISCOVERER_KINDS)[number])}
            >
              {DISCOVERER_KINDS.map((kind) => (
                <MenuItem key={kind} value={kind}>
                  {translate(`guanai.discovererKinds.${kind}`)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        )}
        <FormControlLabel
          control={<Switch checked={emergency} onChange={(e) => setEmergency(e.target.checked)} />}
          label={translate('guanai.field.report.emergency')}
        />
        <PhotoInput photos={photos} onChange={setPhotos} />
        <PlaceButton place={place} onChange={setPlace} />
        <Button type="submit" variant="contained" size="large" disabled={saving || !db} data-testid="report-save">
          {translate('ra.action.save')}
        </Button>
      </Stack>
    </FieldPage>
  );
}
