/**
 * A drawn chart as a file of its own: the SVG with the page's colours written in (an exported file has no
 * stylesheet), and a PNG rendered from it at twice the size for sharp slides.
 */
export function chartSvgMarkup({
  svg,
  background,
  legend,
}: {
  svg: SVGSVGElement;
  background: string;
  /** The series' names and colours: on screen the legend is HTML, so the file draws its own. */
  legend: Array<{ label: string; color: string }>;
}): string {
  const namespace = 'http://www.w3.org/2000/svg';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svg.getBoundingClientRect();
  const legendHeight = legend.length > 0 ? 24 : 0;
  const chartWidth = Math.round(width) || 600;
  const chartHeight = Math.round(height) || 300;
  copy.setAttribute('xmlns', namespace);
  copy.setAttribute('width', String(chartWidth));
  copy.setAttribute('height', String(chartHeight + legendHeight));
  copy.setAttribute('viewBox', `0 0 ${chartWidth} ${chartHeight + legendHeight}`);
  // Labels and grid lines use currentColor; the file needs the colour they have on screen.
  copy.setAttribute('color', getComputedStyle(svg).color || '#0f172a');
  copy.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif');
  const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', background);
  copy.insertBefore(backdrop, copy.firstChild);
  let x = 8;
  for (const { label, color } of legend) {
    const swatch = document.createElementNS(namespace, 'rect');
    for (const [name, value] of Object.entries({ x, y: chartHeight + 8, width: 10, height: 10, fill: color }))
      swatch.setAttribute(name, String(value));
    const text = document.createElementNS(namespace, 'text');
    for (const [name, value] of Object.entries({
      x: x + 14,
      y: chartHeight + 17,
      'font-size': 12,
      fill: 'currentColor',
    }))
      text.setAttribute(name, String(value));
    text.textContent = label;
    copy.append(swatch, text);
    x += 24 + label.length * 7;
  }
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
