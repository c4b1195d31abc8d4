export declare function newestModified(path: string): number;
