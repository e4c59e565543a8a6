import { glob, type Loader } from 'astro/loaders';

/**
 * Astro's glob loader for files a site may not have at all (translations):
 * the same loading and dev-server watching, without the "No files found" and
 * "base directory does not exist" warnings on every build of a one-language
 * site, which would teach people to ignore the build's warnings.
 */
export function optionalGlob(options: Parameters<typeof glob>[0]): Loader {
  const loader = glob(options);
  return {
    ...loader,
    load(context) {
      // Inherit everything from Astro's logger (its label and options) but the two messages.
      const logger = Object.create(context.logger) as typeof context.logger;
      logger.warn = (message: string) => {
        if (!/^(No files found matching|The base directory .* does not exist)/.test(message)) context.logger.warn(message);
      };
      return loader.load({ ...context, logger });
    },
  };
}
