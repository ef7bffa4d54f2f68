// Harness stand-in for next/navigation outside a Next.js router.
const router = { refresh() {}, push() {}, replace() {}, back() {}, forward() {}, prefetch() {} };
export const useRouter = () => router;
export const usePathname = () => "/bench";
export const useSearchParams = () => new URLSearchParams();
export const useParams = () => ({});
export const redirect = () => {
  throw new Error("redirect in harness");
};
export const notFound = () => {
  throw new Error("notFound in harness");
};
