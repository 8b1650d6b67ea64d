import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  // The bundled Noto Sans Thai covers only Thai code points (unicode-range), so it goes first: Thai
  // looks the same on every device, and Latin/Vietnamese text falls through to the system font.
  fontFamily:
    '"Noto Sans Thai", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});
