import BrokenImageIcon from '@mui/icons-material/BrokenImage';
import { Box, Link, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { API_URL } from '../providers/dataProvider.ts';
import type { ApplicationRecord } from './types.ts';

/** The document's photo, from the API with the session cookie (same origin: the browser sends it with the image). */
export const documentUrl = (applicationId: string, documentId: string) =>
  `${API_URL}/applications/${encodeURIComponent(applicationId)}/documents/${encodeURIComponent(documentId)}`;

function DocumentImage({ url, label }: { url: string; label: string }) {
  const translate = useTranslate();
  const [failed, setFailed] = useState(false);
  if (failed)
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'text.secondary' }}>
        <BrokenImageIcon />
        <Typography variant="body2">
          {label}：{translate('guanai.applications.documentFailed')}
        </Typography>
      </Box>
    );
  return (
    // Tapped, the photo opens at full size in its own tab, to zoom into on a phone.
    <Link href={url} target="_blank" rel="noopener" sx={{ display: 'block' }}>
      <Box
        component="img"
        src={url}
        alt={label}
        loading="lazy"
        onError={() => setFailed(true)}
        sx={{
          display: 'block',
          width: '100%',
          maxHeight: 360,
          objectFit: 'contain',
          bgcolor: 'grey.100',
          borderRadius: 1,
          border: 1,
          borderColor: 'divider',
        }}
      />
    </Link>
  );
}

/** 证明材料: the photos sent with the application, one under the other on a phone, side by side on a desktop. */
export function DocumentImages({ application }: { application: ApplicationRecord }) {
  const translate = useTranslate();
  if (application.documents.length === 0)
    return <Typography color="text.secondary">{translate('guanai.applications.noDocuments')}</Typography>;
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 1.5,
        gridTemplateColumns: { xs: '1fr', sm: 'repeat(auto-fill, minmax(240px, 1fr))' },
      }}
    >
      {application.documents.map((document, i) => (
        <DocumentImage
          key={document.id}
          url={documentUrl(application.id, document.id)}
          label={translate('guanai.applications.document', { n: i + 1 })}
        />
      ))}
    </Box>
  );
}
