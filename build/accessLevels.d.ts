// The module build/accessLevelsModule.ts serves: every contract method's access level, from the contract at build time.
declare module 'virtual:access-levels' {
  const levels: Record<import('../shared/api/contract').Method, import('../shared/api/access').Access>;
  export default levels;
}
