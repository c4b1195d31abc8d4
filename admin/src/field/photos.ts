import type { Photo } from './db.ts';

/** A photo's long side is shrunk to this many pixels, as JPEG, before it is kept on the phone. */
export const PHOTO_MAX_SIDE = 1600;

/**
 * A photo from the phone's camera, shrunk so that the outbox stays small and the upload is quick on a
 * weak signal (a phone's 8 MB photo becomes a few hundred KB). Where the browser cannot decode it,
 * the file is kept as it is.
 */
export async function shrinkPhoto(file: File, maxSide = PHOTO_MAX_SIDE): Promise<Photo> {
  const original: Photo = { name: file.name || 'photo.jpg', type: file.type || 'image/jpeg', blob: file };
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return original;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.type === 'image/jpeg') return original;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) return original;
    return { name: file.name.replace(/\.\w+$/, '') + '.jpg', type: 'image/jpeg', blob };
  } catch {
    return original;
  }
}
