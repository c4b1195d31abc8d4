import { Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';

/** 01:05:09 — hours, minutes and seconds since `since`, as a stopwatch shows them. */
export function elapsedText(since: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - new Date(since).getTime()) / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/**
 * The running clock of a duty: how long since the check-in, ticking each second. It only shows the time; the minutes
 * that count are the API's, from the check-in and check-out it records.
 */
export function DutyTimer({ since }: { since: string }) {
  const translate = useTranslate();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Typography
      component="div"
      role="timer"
      aria-label={translate('guanai.volunteers.elapsed')}
      data-testid="duty-timer"
      sx={{ fontSize: 44, fontWeight: 600, fontVariantNumeric: 'tabular-nums', textAlign: 'center', lineHeight: 1.2 }}
    >
      {elapsedText(since, now)}
    </Typography>
  );
}
