import PrintIcon from '@mui/icons-material/Print';
import { Menu, MenuItem } from '@mui/material';
import { useId, useState } from 'react';
import { Button, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { beijingMonth } from '../exports/ExportMenu.tsx';
import { useCan } from '../providers/useCan.ts';

/** 打印: the case's summary (申请审批表) or its plan, for those who may read its paperwork. */
export function CasePrintMenu() {
  const record = useRecordContext<{ id: string }>();
  const can = useCan();
  const translate = useTranslate();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!record || !can('GET /api/cases/:id/paperwork')) return null;
  const base = `/print/cases/${encodeURIComponent(record.id)}`;
  return (
    <>
      <Button
        label="guanai.print.button"
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
      >
        <PrintIcon />
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem component={Link} to={base}>
          {translate('guanai.print.caseSummary')}
        </MenuItem>
        <MenuItem component={Link} to={`${base}/plan`}>
          {translate('guanai.print.plan')}
        </MenuItem>
      </Menu>
    </>
  );
}

/** 打印台账: this or last month's aid ledger of my unit, to print or save as PDF. */
export function LedgerPrintButton() {
  const can = useCan();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!can('GET /api/deliveries')) return null;
  const to = (offset: number) => {
    const params = new URLSearchParams({ month: beijingMonth(offset) });
    if (identity?.orgUnitId) params.set('unitId', String(identity.orgUnitId));
    return `/print/ledger?${params}`;
  };
  return (
    <>
      <Button
        label="guanai.print.ledger"
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
      >
        <PrintIcon />
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem component={Link} to={to(0)}>
          {translate('guanai.print.thisMonth')}
        </MenuItem>
        <MenuItem component={Link} to={to(-1)}>
          {translate('guanai.print.lastMonth')}
        </MenuItem>
      </Menu>
    </>
  );
}
