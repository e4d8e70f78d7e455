/** Font files the bundler emits as assets (webpack.config.js, asset/resource): their URL. */
declare module '*.woff' {
  const url: string;
  export default url;
}
