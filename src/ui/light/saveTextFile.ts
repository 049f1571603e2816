/**
 * Saves text as a download (a Blob link the browser downloads): the CSV exports of the Pulse
 * results part and the Crew skills matrix. Kept apart from any part's stylesheet, so a part that
 * exports loads no other part's styles with it.
 */

/** Saves `text` as a download named `fileName`. */
export function saveTextFile(fileName: string, text: string): void {
  const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  // Revoked once the browser has taken the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
