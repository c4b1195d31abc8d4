import type { TPartnerHome } from '@guanai/api/types';
import { useTranslate } from 'react-admin';
import { FigureCard, FigureGrid, Section } from './FigureCard.tsx';

/** 合作伙伴: proposals awaiting my answer, and accepted matches whose deliveries I record. */
export function PartnerHome({ home }: { home: TPartnerHome }) {
  const translate = useTranslate();
  return (
    <Section title={translate('guanai.home.title')}>
      <FigureGrid>
        <FigureCard label={translate('guanai.home.partner.proposals')} figure={home.proposals} tone="warning" />
        <FigureCard
          label={translate('guanai.home.partner.accepted')}
          figure={home.accepted}
          hint={translate('guanai.home.partner.undelivered', { count: home.undelivered })}
        />
        {/* A volunteer team's partner: the self-registrations of its team waiting for its decision. */}
        {home.volunteersToApprove && (
          <FigureCard
            label={translate('guanai.volunteers.toApprove')}
            figure={home.volunteersToApprove}
            tone="warning"
          />
        )}
      </FigureGrid>
    </Section>
  );
}
