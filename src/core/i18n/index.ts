import type { Lang } from '../contract';
import { en } from './en';
import { fr } from './fr';
import type { Messages } from './types';

export type { Messages };
export const messages: Record<Lang, Messages> = { fr, en };
