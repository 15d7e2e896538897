export const words = (text) => String(text).split(/\s+/).filter(Boolean);
export const exclaim = (text) => `${text}!`;
