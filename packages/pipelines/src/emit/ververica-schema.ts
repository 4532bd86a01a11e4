/** Schema pieces VVP's and Alibaba's target configurations share (internal: zod types stay out of the declarations). */
import { z } from 'zod';

/** The log levels both platforms' logging settings take. */
export const logLevel = z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']);
/** String-to-string maps (labels, jar URIs by artifact). */
export const stringMap = z.record(z.string(), z.string()).readonly();
