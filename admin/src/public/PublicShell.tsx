import TranslateIcon from '@mui/icons-material/Translate';
import {
  AppBar,
  Box,
  Button,
  Container,
  CssBaseline,
  ThemeProvider,
  Toolbar,
  Typography,
  createTheme,
} from '@mui/material';
import type { ReactNode } from 'react';
import type { Dictionary } from '../i18n/messages.ts';
import { LangProvider, useLang, type Lang } from './i18n.tsx';

const theme = createTheme({
  palette: { primary: { main: '#1976d2' } },
  typography: {
    fontFamily:
      '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  },
});

function Bar({ title }: { title: string }) {
  const { lang, t, toggle } = useLang();
  return (
    <AppBar position="sticky" elevation={1}>
      <Toolbar variant="dense" sx={{ gap: 1 }}>
        <Typography variant="h6" component="div" sx={{ flex: 1, fontSize: { xs: 17, sm: 20 } }} noWrap>
          {t('app')} · {t(title)}
        </Typography>
        <Button
          color="inherit"
          size="small"
          startIcon={<TranslateIcon />}
          onClick={toggle}
          lang={lang === 'zh' ? 'en' : 'zh-CN'} // the label is in the other language
          sx={{ textTransform: 'none', flexShrink: 0 }}
        >
          {t('switchTo')}
        </Button>
      </Toolbar>
    </AppBar>
  );
}

/**
 * The frame of a public page: no sign-in, a title bar with the language switch, phone first. `messages`: the page's
 * own dictionaries, when it has its own (they give `app`, `switchTo` and the title's key too).
 */
export function PublicShell({
  title,
  messages,
  children,
}: {
  title: string;
  messages?: Record<Lang, Dictionary>;
  children: ReactNode;
}) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <LangProvider messages={messages}>
        <Bar title={title} />
        <Container maxWidth="md" sx={{ py: 2, px: { xs: 1.5, sm: 3 } }}>
          <Box component="main">{children}</Box>
        </Container>
      </LangProvider>
    </ThemeProvider>
  );
}
