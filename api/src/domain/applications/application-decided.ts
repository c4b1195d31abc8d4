import { AppError } from '../../errors/app-error.ts';

/** 409: the application was accepted (as this case) or declined already. */
export const applicationDecided = (current: { status: string; case: { caseNo: string } | null }) =>
  new AppError('CONFLICT', {
    message: current.case
      ? `this application was already accepted: its case is ${current.case.caseNo}`
      : `this application was already ${current.status === 'DECLINED' ? 'declined' : 'decided'}`,
    reason: 'APPLICATION_DECIDED',
  });
