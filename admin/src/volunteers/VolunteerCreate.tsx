import type { TOrgUnit } from '@guanai/api/types';
import {
  AutocompleteArrayInput,
  Create,
  PasswordInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  regex,
  required,
  useGetIdentity,
} from 'react-admin';
import { unitText } from '../orgUnits/types.ts';
import { useRole } from '../providers/useCan.ts';
import { strongPassword } from '../users/roles.ts';
import { useTeams } from './useTeams.ts';

/** 陪伴聊天、理发, typed in one box, as the list the API takes (split at 、 , ， ; and blanks around them). */
export const listOf = (typed: unknown) =>
  typeof typed === 'string'
    ? typed
        .split(/[、,，;；]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

const PHONE = regex(/^1[3-9]\d{9}$/, 'guanai.volunteers.phoneRule');
const USERNAME = regex(/^[a-z0-9][a-z0-9._-]{2,39}$/i, 'guanai.volunteers.usernameRule');

/**
 * 登记志愿者: a station, a caseworker or a team's partner registers a volunteer, ACTIVE at once, with their sign-in.
 * A partner registers into its own team (the API sets it); the others may choose a team or none. No identity number
 * is asked (minimise).
 */
export function VolunteerCreate() {
  const role = useRole();
  const { teams } = useTeams();
  const { data: identity } = useGetIdentity();
  // A station registers for its own community first.
  const ownCommunity = identity?.orgUnitLevel === 'COMMUNITY' ? String(identity.orgUnitId) : null;
  return (
    <Create
      redirect="show"
      transform={(data: Record<string, unknown>) => ({
        ...data,
        skills: listOf(data.skills),
        languages: listOf(data.languages),
        ...(data.availability ? {} : { availability: undefined }),
        ...(data.teamId ? {} : { teamId: undefined }),
      })}
    >
      <SimpleForm
        defaultValues={{
          communityIds: ownCommunity ? [ownCommunity] : [],
        }}
        sx={{ maxWidth: 560 }}
      >
        <TextInput source="name" validate={[required(), maxLength(50)]} fullWidth />
        <TextInput source="phone" validate={[required(), PHONE]} fullWidth inputMode="tel" />
        <TextInput source="username" validate={[required(), USERNAME]} fullWidth autoComplete="off" />
        <PasswordInput
          source="password"
          validate={[required(), strongPassword]}
          fullWidth
          autoComplete="new-password"
        />
        <TextInput source="skills" helperText="guanai.volunteers.listHelp" fullWidth />
        <TextInput source="languages" helperText="guanai.volunteers.listHelp" fullWidth />
        <TextInput source="availability" fullWidth validate={maxLength(200)} />
        {role !== 'PARTNER' && (
          <SelectInput
            source="teamId"
            choices={teams}
            optionText="name"
            translateChoice={false}
            emptyText="guanai.volunteers.noTeam"
            fullWidth
          />
        )}
        <ReferenceArrayInput
          source="communityIds"
          reference="org-units"
          filter={{ level: 'COMMUNITY' }}
          sort={{ field: 'code', order: 'ASC' }}
          perPage={50}
        >
          <AutocompleteArrayInput
            optionText={(u: TOrgUnit) => unitText(u)}
            validate={required()}
            fullWidth
            filterToQuery={(q: string) => ({ q })}
          />
        </ReferenceArrayInput>
      </SimpleForm>
    </Create>
  );
}
