import '../../infra/local/polyfills'
