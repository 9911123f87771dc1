/**
 * A drawn chart as a file of its own: the SVG with the page's colours written in (an exported file has no
 * stylesheet), and a PNG rendered from it at twice the size for sharp slides.
 */
export function chartSvgMarkup({ svg, background }: { svg: SVGSVGElement; background: string }): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(width) || 600));
  copy.setAttribute('height', String(Math.round(height) || 300));
  // Labels and grid lines use currentColor; the file needs the colour they have on screen.
  copy.setAttribute('color', getComputedStyle(svg).color || '#0f172a');
  copy.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif');
  const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', background);
  copy.insertBefore(backdrop, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

export async function chartPngBlob({ markup, scale = 2 }: { markup: string; scale?: number }): Promise<Blob> {
  const image = new Image();
  // A data: URL of our own markup: drawing it leaves the canvas readable, and no request leaves the page.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * scale;
  canvas.height = image.naturalHeight * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the chart to an image.');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be saved.'))), 'image/png'),
  );
}
