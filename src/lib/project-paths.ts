import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder holding package.json). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The content folder. HANDRAIL_CONTENT_DIR points the build at another
 * content set (the test fixtures use it); relative paths are from the root.
 */
export const contentDir = path.resolve(projectRoot, process.env.HANDRAIL_CONTENT_DIR ?? 'content');

/** Files served as they are: images, logo, favicon. */
export const publicDir = path.resolve(projectRoot, 'public');
