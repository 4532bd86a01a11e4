/** What a runtime call answers: 'ok', or the code of the first diagnostic of the FlinktsError it throws. */
import { FlinktsError } from '@flinkts/core';

export const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof FlinktsError) return e.diagnostics[0]?.code ?? '';
    throw e;
  }
  return 'ok';
};
