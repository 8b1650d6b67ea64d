import { isbot } from 'isbot';
import type { DeviceType } from '../schema';

export type DeviceInfo = { deviceType: DeviceType; isBot: boolean };

const TABLET = /ipad|tablet|kindle|silk|playbook|android(?!.*mobile)/i;
const MOBILE = /mobi|iphone|ipod|android|windows phone|opera mini|blackberry|zalo/i;
const DESKTOP = /windows nt|macintosh|x11|cros|linux x86_64/i;

// The same few user agents make most clicks: remember their answers (bounded).
const seen = new Map<string, DeviceInfo>();

/**
 * Device type and bot flag of a user agent. Bots are recognised by `isbot` (a maintained list of
 * crawler, preview and monitoring agents); an empty user agent is a script, counted as a bot too.
 */
export function classifyUserAgent(userAgent: string): DeviceInfo {
  const known = seen.get(userAgent);
  if (known) return known;
  const bot = userAgent.trim() === '' || isbot(userAgent);
  const info: DeviceInfo = bot
    ? { deviceType: 'bot', isBot: true }
    : {
        deviceType: TABLET.test(userAgent)
          ? 'tablet'
          : MOBILE.test(userAgent)
            ? 'mobile'
            : DESKTOP.test(userAgent)
              ? 'desktop'
              : 'other',
        isBot: false,
      };
  if (seen.size >= 2000) seen.clear();
  seen.set(userAgent, info);
  return info;
}
