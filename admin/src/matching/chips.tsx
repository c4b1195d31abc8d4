import type { TMatch } from '@guanai/api/types';
import type { MatchStatus, ProjectStatus, ResourceStatus } from '@guanai/workflows/vocabulary';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import HighlightOffIcon from '@mui/icons-material/HighlightOff';
import { Chip, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Check } from './types.ts';

const RESOURCE_COLORS: Record<ResourceStatus, 'default' | 'success' | 'warning'> = {
  DRAFT: 'default',
  PUBLISHED: 'success',
  PAUSED: 'warning',
  CLOSED: 'default',
};
const MATCH_COLORS: Record<MatchStatus, 'info' | 'success' | 'error' | 'default'> = {
  PROPOSED: 'info',
  ACCEPTED: 'success',
  DECLINED: 'error',
  CANCELLED: 'default',
};
const PROJECT_COLORS: Record<ProjectStatus, 'info' | 'success' | 'default'> = {
  PUBLISHED: 'info',
  FUNDED: 'success',
  WITHDRAWN: 'default',
};

export function ResourceStatusChip({ status }: { status: ResourceStatus }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={RESOURCE_COLORS[status] ?? 'default'}
      variant={status === 'CLOSED' ? 'outlined' : 'filled'}
      label={translate(`guanai.matching.resourceStatus.${status}`, { _: status })}
    />
  );
}

/** 待接受 / 已接受 / 已拒绝（理由）/ 已撤回（理由）. */
export function MatchStatusChip({ match }: { match: Pick<TMatch, 'status' | 'declineReason'> }) {
  const translate = useTranslate();
  const label = translate(`guanai.matching.matchStatus.${match.status}`, { _: match.status });
  const reason =
    match.declineReason && (match.status === 'DECLINED' || match.status === 'CANCELLED')
      ? `：${match.declineReason}`
      : '';
  return (
    <Chip
      size="small"
      color={MATCH_COLORS[match.status] ?? 'default'}
      label={label + reason}
      sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
    />
  );
}

export function ProjectStatusChip({ status }: { status: ProjectStatus }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={PROJECT_COLORS[status] ?? 'default'}
      label={translate(`guanai.matching.projectStatus.${status}`, { _: status })}
    />
  );
}

const CODE_VOCABULARIES = ['guanai.categories', 'guanai.tags', 'guanai.matching.resourceStatus'];

/**
 * The API words its reasons in Chinese but names need categories, tags and statuses by their codes
 * ("可解决 MEDICAL 类需求", "符合对象类别：SERIOUS_ILLNESS"): those read in the user's language.
 */
export function useReadableReason() {
  const translate = useTranslate();
  return (text: string) =>
    text.replace(/ ?\b([A-Z][A-Z_]{2,})\b ?/g, (found, code: string) => {
      for (const prefix of CODE_VOCABULARIES) {
        const word = translate(`${prefix}.${code}`, { _: '' });
        if (word) return word;
      }
      return found;
    });
}

/**
 * One rule as a small chip with the API's own words: green when passed, amber "需核实" when the
 * person's record lacks what it needs (age or income not recorded), red when failed.
 */
export function CheckChip({ check }: { check: Check }) {
  const translate = useTranslate();
  const readable = useReadableReason();
  const text = readable(check.text);
  const title = translate(`guanai.matching.checks.${check.code}`, { _: check.code });
  if (check.result === 'UNKNOWN') {
    return (
      <Chip
        size="small"
        color="warning"
        variant="filled"
        icon={<HelpOutlineIcon />}
        title={title}
        label={`${translate('guanai.matching.verify')}：${text}`}
        sx={wrap}
      />
    );
  }
  const pass = check.result === 'PASS';
  return (
    <Chip
      size="small"
      color={pass ? 'success' : 'error'}
      variant="outlined"
      icon={pass ? <CheckCircleOutlineIcon /> : <HighlightOffIcon />}
      title={title}
      label={text}
      sx={wrap}
    />
  );
}

/** Long reasons wrap on a phone rather than being cut off. */
const wrap = { maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } };

export function CheckChips({ checks }: { checks: Check[] }) {
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {checks.map((check, i) => (
        <CheckChip key={`${check.code}-${i}`} check={check} />
      ))}
    </Stack>
  );
}

/** Need categories as chips, in the user's language. */
export function CategoryChips({ categories }: { categories: string[] }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {categories.map((c) => (
        <Chip key={c} size="small" variant="outlined" label={translate(`guanai.categories.${c}`, { _: c })} />
      ))}
    </Stack>
  );
}
