// Types for nativeModule.cjs (plain CommonJS so electron-builder can require it from the afterPack hook).
export type BinaryFormat = 'PE' | 'ELF' | 'Mach-O' | 'unknown';
export const FORMAT_OF_PLATFORM: Record<string, BinaryFormat>;
export function binaryFormat(bytes: Buffer): { format: BinaryFormat; arch: string };
export function moduleAbi(bytes: Buffer): number | 'napi' | null;
export function nativeModuleProblems(
  file: string,
  target: { platform: string; arch: string; abi: number },
): { file: string; format: BinaryFormat; arch: string; abi: number | 'napi' | null; problems: string[] };
export function findNativeModules(dir: string): string[];
export function electronAbi(electronVersion: string, projectDir: string): number;
