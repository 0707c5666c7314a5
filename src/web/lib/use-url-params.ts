import { useState } from 'react';
import { createSearchParams, useSearchParams, type SetURLSearchParams } from 'react-router';

/**
 * The page's filters and selection kept in the URL, applied with the event. The data router
 * applies a URL change asynchronously (a navigation, even for the same route), so a controlled
 * radio or select bound to the URL alone would spring back to its old value until the navigation
 * ends: React restores a controlled input right after its event. The requested params are
 * therefore held in component state, which React renders before it restores the input, for as
 * long as the URL is still the one they were requested from; once the URL moves (to them, or
 * anywhere else, e.g. Back), the URL is the truth again.
 */
export function useUrlParams(): [URLSearchParams, SetURLSearchParams] {
  const [urlParams, setUrlParams] = useSearchParams();
  const urlKey = urlParams.toString();
  const [requested, setRequested] = useState<{ from: string; params: URLSearchParams } | null>(null);
  // Forgotten as soon as the URL has moved, so that coming Back to the URL they were requested
  // from shows that URL's params, not the ones requested there.
  const [seenUrl, setSeenUrl] = useState(urlKey);
  if (seenUrl !== urlKey) {
    setSeenUrl(urlKey);
    if (requested) setRequested(null);
  }
  const params = requested && requested.from === urlKey ? requested.params : urlParams;

  const setParams: SetURLSearchParams = (next, options) => {
    const resolved = createSearchParams(typeof next === 'function' ? next(params) : next);
    setRequested({ from: urlKey, params: resolved });
    setUrlParams(resolved, options);
  };
  return [params, setParams];
}
