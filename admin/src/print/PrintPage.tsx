import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Button, CircularProgress } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { printStyles } from './printStyles.ts';

/**
 * A print page without the admin's layout: a small toolbar on screen (打印 opens the browser's print
 * dialog, where "save as PDF" is one of the printers; 返回 goes back to where the user came from), and
 * the paper itself, set as an A4 sheet. `title` names the PDF the browser saves.
 */
export function PrintPage({
  title,
  back,
  landscape = false,
  tools,
  state,
  children,
}: {
  title: string;
  back: string;
  landscape?: boolean;
  /** More of the toolbar (the ledger's month). */
  tools?: ReactNode;
  state: { isPending: boolean; error: Error | null };
  children: ReactNode;
}) {
  const translate = useTranslate();
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
  return (
    <div className="print-root" lang="zh-CN">
      <style>{printStyles(landscape)}</style>
      <div className="print-toolbar" role="toolbar" aria-label={translate('guanai.print.toolbar')}>
        <Button
          variant="contained"
          startIcon={<PrintIcon />}
          onClick={() => window.print()}
          disabled={state.isPending || !!state.error}
        >
          {translate('guanai.print.print')}
        </Button>
        <Button component={Link} to={back} startIcon={<ArrowBackIcon />}>
          {translate('guanai.print.back')}
        </Button>
        {tools}
        <span style={{ fontSize: 12 }}>{translate('guanai.print.hint')}</span>
      </div>
      {state.isPending ? (
        <div style={{ padding: 32, textAlign: 'center' }}>
          <CircularProgress aria-label={translate('guanai.print.loading')} />
        </div>
      ) : state.error ? (
        <Alert severity="error" sx={{ m: 2 }}>
          {translate('guanai.print.failed')} {state.error.message}
        </Alert>
      ) : (
        <main className="paper">{children}</main>
      )}
    </div>
  );
}

/** The boxes a civil-affairs form ends with: each a signature (or the unit's seal) and its date. */
export function SignatureBoxes({ boxes }: { boxes: { label: string; seal?: boolean }[] }) {
  return (
    <section className="signatures" aria-label="签字盖章">
      {boxes.map((box) => (
        <div key={box.label} className={box.seal ? 'seal' : undefined}>
          <div>{box.label}：</div>
          <div className="date">日期：　　　年　　月　　日</div>
        </div>
      ))}
    </section>
  );
}
