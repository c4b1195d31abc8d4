export declare function demoDecision(options: { env: Record<string, string | undefined>; embedded: boolean }): {
  load: boolean;
  reason: string;
};
