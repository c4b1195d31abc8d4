import { exportFormat } from '../../domain/exports/write-table.ts';
import { exportDeliveries } from '../../domain/matching/export-deliveries.ts';
import type { AppDeps } from '../../env.ts';
import { sendExport } from '../../openapi/file-export.ts';
import { createRouter } from '../../openapi/router.ts';
import { deliveryLedger } from '../../domain/matching/delivery-ledger.ts';
import {
  deliveryLedger as deliveryLedgerRoute,
  exportDeliveries as exportDeliveriesRoute,
} from './deliveries.types.ts';

/** Routes under /api/deliveries: the delivery ledger (救助台账), across matches. */
export function deliveryRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Who may list the matches (a partner: its own resources'): the ledger as CSV or Excel, masked; audited. */
      .openapi(exportDeliveriesRoute, async (c) => {
        const { filter = {}, format } = c.req.valid('query');
        const file = await exportDeliveries({
          db,
          user: c.get('user'),
          filter,
          format: exportFormat(format, c.req.header('Accept')),
        });
        return sendExport(c, file);
      })
      /** Who may export the ledger: the same rows as JSON with exact subtotals and total, to print; audited. */
      .openapi(deliveryLedgerRoute, async (c) => {
        const { filter = {} } = c.req.valid('query');
        return c.json(await deliveryLedger({ db, user: c.get('user'), filter }), 200);
      })
  );
}
