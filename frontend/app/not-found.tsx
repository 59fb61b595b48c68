export default function NotFound() {
  return (
    <div className="wrap not-found">
      <h1>Page not found</h1>
      <p className="lead">This page does not exist, or is no longer offered at this clinic.</p>
      <p className="actions">
        <a className="button" href="/">
          Go to the clinic&rsquo;s home page
        </a>{" "}
        <a className="button button-quiet" href="/treatments/">
          See our treatments
        </a>
      </p>
    </div>
  );
}
