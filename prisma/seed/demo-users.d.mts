import type { Role } from '../generated/client/client.ts';

export declare const DEMO_PASSWORD: string;
export declare const demoUsers: {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string;
  partner?: string;
}[];
