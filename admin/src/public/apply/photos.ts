/**
 * A photo of a document as the public application sends it (`documents[]`: base64, at most 2 MB decoded, a JPEG,
 * PNG or WebP that really is one). A phone's camera gives 4000-pixel, 8 MB photos: they are drawn again at 1600
 * pixels at most, as JPEG, which also drops what the camera wrote into the file (where it was taken, the phone).
 */
export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface Photo {
  filename: string;
  contentType: PhotoType;
  /** The bytes, base64. */
  data: string;
  /** The size in bytes, decoded. */
  size: number;
}

export const MAX_PHOTOS = 3;
export const MAX_BYTES = 2 * 1024 * 1024;
const MAX_SIDE = 1600;
const KEPT: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'] satisfies PhotoType[];

/** Why a photo cannot be sent: the browser cannot read it, or it stays over 2 MB. */
export class PhotoError extends Error {
  constructor(readonly reason: 'unreadable' | 'tooBig') {
    super(reason);
  }
}

const base64Of = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the photo could not be read'));
    reader.readAsDataURL(blob);
  });

/** The picture, upright as the camera held it; null where the browser has no createImageBitmap. */
async function decode(file: Blob): Promise<ImageBitmap | null> {
  if (typeof createImageBitmap !== 'function') return null;
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError('unreadable');
  }
}

const jpeg = (canvas: HTMLCanvasElement, quality: number) =>
  new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));

/** Draws the picture at most 1600 pixels on its longer side and encodes it as JPEG, lowering the quality to fit. */
async function redraw(bitmap: ImageBitmap): Promise<Blob> {
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoError('unreadable');
  context.fillStyle = '#fff'; // a transparent PNG's background, which JPEG cannot keep
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const quality of [0.85, 0.7, 0.5]) {
    const blob = await jpeg(canvas, quality);
    if (blob && blob.size <= MAX_BYTES) return blob;
  }
  throw new PhotoError('tooBig');
}

const asJpegName = (name: string) => `${name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`;

/** The photo as the API takes it: redrawn when it is a camera's JPEG, too big, too large or of another type. */
export async function preparePhoto(file: File): Promise<Photo> {
  const bitmap = await decode(file);
  const sendable = KEPT.includes(file.type) && file.size <= MAX_BYTES;
  const keep =
    sendable && (bitmap === null || (file.type !== 'image/jpeg' && Math.max(bitmap.width, bitmap.height) <= MAX_SIDE));
  if (keep) {
    bitmap?.close();
    return { filename: file.name, contentType: file.type as PhotoType, data: await base64Of(file), size: file.size };
  }
  if (!bitmap) throw new PhotoError(KEPT.includes(file.type) ? 'tooBig' : 'unreadable');
  const blob = await redraw(bitmap);
  return { filename: asJpegName(file.name), contentType: 'image/jpeg', data: await base64Of(blob), size: blob.size };
}
