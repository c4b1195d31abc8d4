import type { TApplicationReceipt } from '@guanai/api/types';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { beijing } from '../format.ts';
import { useLang } from '../i18n.tsx';

/** The application went in: its reference, large, to copy or write down, and where to read the answer. */
export function Receipt({
  receipt,
  onStatus,
  onAnother,
}: {
  receipt: TApplicationReceipt;
  onStatus: () => void;
  onAnother: () => void;
}) {
  const { t, lang } = useLang();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt.reference);
      setCopied(true);
    } catch {
      // No clipboard (an old browser, a page not served over HTTPS): the number is selectable all at once.
      const range = document.createRange();
      const node = document.getElementById('apply-reference');
      if (node) {
        range.selectNodeContents(node);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
    }
  };
  return (
    <Card variant="outlined" sx={{ borderColor: 'success.main' }}>
      <CardContent>
        <Stack spacing={2} sx={{ alignItems: 'center', textAlign: 'center' }}>
          <CheckCircleIcon color="success" sx={{ fontSize: 56 }} />
          <Typography variant="h5" component="h1">
            {t('apply.done')}
          </Typography>
          <Typography color="text.secondary">{beijing(receipt.submittedAt, lang)}</Typography>
          <Box>
            <Typography color="text.secondary">{t('apply.reference')}</Typography>
            <Typography
              id="apply-reference"
              aria-label={t('apply.reference')}
              sx={{
                fontFamily: 'ui-monospace, "SF Mono", Menlo, Consolas, monospace',
                fontSize: { xs: 30, sm: 36 },
                fontWeight: 700,
                letterSpacing: 2,
                userSelect: 'all',
                wordBreak: 'break-all',
              }}
            >
              {receipt.reference}
            </Typography>
          </Box>
          <Button
            variant={copied ? 'outlined' : 'contained'}
            size="large"
            startIcon={<ContentCopyIcon />}
            onClick={() => void copy()}
          >
            {copied ? t('apply.copied') : t('apply.copy')}
          </Button>
          <Typography sx={{ textAlign: 'left' }}>{t('apply.referenceMore')}</Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ width: '100%', justifyContent: 'center' }}>
            <Button variant="outlined" size="large" onClick={onStatus}>
              {t('apply.checkStatus')}
            </Button>
            <Button size="large" onClick={onAnother}>
              {t('apply.another')}
            </Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
