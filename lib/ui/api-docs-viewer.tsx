"use client";
// The API description rendered by Swagger UI (swagger-ui-dist), bundled and served by the app
// itself: its script is one of our chunks (so it carries the page's CSP nonce and loads from this
// site), its stylesheet one of our CSS files, and it reads /api/openapi.json from this site. No CDN,
// no outside request: the validator badge (validator.swagger.io) is off.
import { useEffect, useRef } from "react";
import "swagger-ui-dist/swagger-ui.css";
import "./api-docs-viewer.css";

type SwaggerUi = (options: Record<string, unknown>) => unknown;

export function ApiDocsViewer({ url, serversLabel }: { url: string; serversLabel: string }) {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Swagger UI renders its servers <select> without a label: name it for screen readers.
    const observer = new MutationObserver(() => target.current?.querySelector("#servers:not([aria-label])")?.setAttribute("aria-label", serversLabel));
    if (target.current) observer.observe(target.current, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [serversLabel]);
  useEffect(() => {
    let cancelled = false;
    void import("swagger-ui-dist/swagger-ui-bundle.js").then((module) => {
      const SwaggerUIBundle = ((module as { default?: SwaggerUi }).default ?? module) as unknown as SwaggerUi;
      if (cancelled || !target.current) return;
      SwaggerUIBundle({
        url,
        domNode: target.current,
        validatorUrl: null,
        deepLinking: false,
        docExpansion: "list",
        defaultModelsExpandDepth: 0,
        tryItOutEnabled: false,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [url]);
  return <div ref={target} data-testid="swagger-ui" />;
}
