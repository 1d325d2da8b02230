/**
 * The room a chart has, measured in the browser: its figure's width in CSS px and the chart text's CSS size
 * (the svg's computed font-size: src/css/screens.css sets it, larger in presenting mode). A chart lays out in
 * units where its text is 12 (chart-layout.ts), so `units` is the width in those and `scale` the CSS px of
 * one unit. Undefined on the server and in the first render, which keep the wide layout; measured again
 * whenever the figure is resized or presenting mode is switched (the `hp-presenting` event).
 */
import { useEffect, useRef, useState } from 'react';

export interface ChartBox {
  units: number;
  scale: number;
}

export function useChartBox<T extends HTMLElement>(): [React.RefObject<T | null>, ChartBox | undefined] {
  const ref = useRef<T | null>(null);
  const [box, setBox] = useState<ChartBox | undefined>(undefined);
  useEffect(() => {
    const figure = ref.current;
    if (!figure) return undefined;
    const measure = () => {
      const svg = figure.querySelector('svg');
      const font = parseFloat(getComputedStyle(svg ?? figure).fontSize) || 13;
      const scale = font / 12;
      const width = figure.clientWidth;
      if (width <= 0) return;
      const units = Math.floor(width / scale);
      setBox((old) => (old && old.units === units && old.scale === scale ? old : { units, scale }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(figure);
    window.addEventListener('hp-presenting', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('hp-presenting', measure);
    };
  }, []);
  return [ref, box];
}
