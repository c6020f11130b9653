import { z } from 'zod';

export const nameRule = z.string().trim().min(1, 'must not be empty').max(255);

export const idRule = z.string().trim().min(1, 'must not be empty');
