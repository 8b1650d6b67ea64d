import { Avatar } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';

/** A product's image, or a package icon when it has none or the image fails to load. */
export function ProductThumb({ url, name, size = 40 }: { url: string | null; name: string; size?: number }) {
  return (
    <Avatar src={url} alt={name} size={size} radius="sm" color="gray" variant="light">
      <IconPackage size={Math.round(size * 0.55)} aria-hidden />
    </Avatar>
  );
}
