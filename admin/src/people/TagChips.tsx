import { Chip, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Vulnerability tags (独居老人, 低保 …) as chips, in the user's language. */
export function TagChips({ tags }: { tags: string[] | null | undefined }) {
  const translate = useTranslate();
  if (!tags?.length) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {tags.map((tag) => (
        <Chip key={tag} size="small" variant="outlined" label={translate(`guanai.tags.${tag}`, { _: tag })} />
      ))}
    </Stack>
  );
}
