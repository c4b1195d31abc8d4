import type { Messages } from '../messages.ts';
import type { demo as zh } from '../zh/demo.ts';

/** Demo data: the living demo's marker and loading banner. */
export const demo: Messages<typeof zh> = {
  guanai: {
    demo: {
      marker: 'Demo data',
      markerShort: 'Demo',
      markerHint: 'The cases, people and deliveries in this system are demo data, all fictitious',
      loading: 'Loading demo data %{loaded}/%{total}',
      loadingHint: 'The system can be used meanwhile; demo cases appear as they load',
      failed: 'Loading the demo data stopped after %{loaded} cases',
    },
  },
};
