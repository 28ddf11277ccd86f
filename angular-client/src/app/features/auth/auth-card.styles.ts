/** Layout shared by the sign-in and sign-up pages. */
export const AUTH_CARD_STYLES = `
  :host {
    display: grid;
    place-items: center;
    min-height: 100dvh;
    padding: 24px 16px;
    background:
      radial-gradient(circle at 20% 10%, #fde2ec 0, transparent 40%),
      radial-gradient(circle at 90% 90%, #e7ecff 0, transparent 45%),
      var(--rc-bg);
  }
  main {
    width: min(100%, 400px);
    padding: 32px 28px;
    border-radius: 16px;
    background: var(--rc-surface);
    box-shadow: 0 10px 40px rgba(29, 36, 51, 0.08);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 10px;
    font-weight: 700;
    color: var(--rc-accent);
  }
  .brand img {
    width: 28px;
    height: 28px;
  }
  h1 {
    margin: 18px 0 4px;
    font-size: 1.5rem;
  }
  .lead {
    margin: 0 0 8px;
    color: var(--rc-muted);
  }
  .switch {
    margin: 20px 0 0;
    text-align: center;
    font-size: 0.9rem;
    color: var(--rc-muted);
  }
  a {
    color: var(--rc-accent);
    font-weight: 600;
  }
`;
