import PrintIcon from '@mui/icons-material/Print';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { beijingDay } from '../print/labels.ts';

/** 打印证明: asks the period (this year so far by default, Beijing dates) and opens the A4 certificate for it. */
export function CertificateButton({ volunteerId }: { volunteerId: string }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const today = beijingDay(new Date().toISOString());
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const ready = !!from && !!to && from <= to;
  return (
    <>
      <Button startIcon={<PrintIcon />} onClick={() => setOpen(true)}>
        {translate('guanai.volunteers.certificate')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('guanai.volunteers.certificateTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              type="date"
              label={translate('guanai.volunteers.from')}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: to || today } }}
            />
            <TextField
              type="date"
              label={translate('guanai.volunteers.to')}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: from, max: today } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={!ready}
            onClick={() =>
              navigate(
                `/print/volunteers/${encodeURIComponent(volunteerId)}/certificate?${new URLSearchParams({ from, to })}`,
              )
            }
          >
            {translate('guanai.volunteers.open')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
