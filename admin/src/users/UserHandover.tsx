import { Alert } from '@mui/material';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  Confirm,
  ReferenceInput,
  SaveButton,
  Toolbar,
  useGetList,
  useRecordContext,
  useSaveContext,
  useTranslate,
} from 'react-admin';
import type { User } from './roles.ts';

/** Whether the form deactivates the user or moves them to another unit (which hands their tasks on). */
function useLeaving() {
  const record = useRecordContext<User>();
  const active = useWatch({ name: 'active' }) as boolean | undefined;
  const orgUnitId = useWatch({ name: 'orgUnitId' }) as string | undefined;
  if (!record) return false;
  return (record.active && active === false) || (!!orgUnitId && orgUnitId !== record.orgUnitId);
}

/** How many open tasks the user holds now (the tasks that a deactivation or move hands on). */
function useClaimedCount() {
  const record = useRecordContext<User>();
  const { total } = useGetList(
    'tasks',
    { filter: { scope: 'unit', status: 'OPEN', assigneeId: record?.id }, pagination: { page: 1, perPage: 1 } },
    { enabled: !!record },
  );
  return total ?? 0;
}

/**
 * Issue 15, on the user edit page: deactivating or moving a user hands their claimed tasks on in
 * the same save — back to their queues, or to a colleague of their unit named here.
 */
export function UserHandover() {
  const record = useRecordContext<User>();
  const translate = useTranslate();
  const leaving = useLeaving();
  const claimed = useClaimedCount();
  if (!record || !leaving) return null;
  return (
    <>
      <Alert severity="warning" sx={{ width: '100%' }}>
        {translate('guanai.handover.user.claimed', { smart_count: claimed })}
      </Alert>
      <ReferenceInput
        source="handoverTo"
        reference="users"
        filter={{ orgUnitId: record.orgUnitId, active: true }}
        sort={{ field: 'displayName', order: 'ASC' }}
      >
        <AutocompleteInput
          label="guanai.handover.user.handoverTo"
          helperText="guanai.handover.user.handoverToHelp"
          optionText={(u?: User) => (u && u.id !== record.id ? u.displayName : (u?.displayName ?? ''))}
          filterToQuery={(q: string) => ({ q })}
          fullWidth
        />
      </ReferenceInput>
    </>
  );
}

/** Save, after a confirmation naming how many claimed tasks go where when the user leaves. */
export function HandoverSaveToolbar() {
  const translate = useTranslate();
  const leaving = useLeaving();
  const claimed = useClaimedCount();
  const { getValues } = useFormContext();
  const saveContext = useSaveContext();
  const [open, setOpen] = useState(false);
  const handoverTo = useWatch({ name: 'handoverTo' }) as string | undefined;
  const { data: colleague } = useGetList(
    'users',
    { filter: { id: handoverTo ? [handoverTo] : [] }, pagination: { page: 1, perPage: 1 } },
    { enabled: !!handoverTo },
  );
  const to = handoverTo ? (colleague?.[0]?.displayName ?? '') : translate('guanai.handover.user.toQueue');
  if (!leaving || claimed === 0)
    return (
      <Toolbar>
        <SaveButton />
      </Toolbar>
    );
  return (
    <Toolbar>
      <SaveButton
        type="button"
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      />
      <Confirm
        isOpen={open}
        title="guanai.handover.user.confirmTitle"
        content={translate('guanai.handover.user.confirmContent', { smart_count: claimed, to })}
        confirm="guanai.handover.confirm"
        cancel="guanai.handover.cancel"
        onConfirm={() => {
          setOpen(false);
          void saveContext.save?.(getValues());
        }}
        onClose={() => setOpen(false)}
      />
    </Toolbar>
  );
}
